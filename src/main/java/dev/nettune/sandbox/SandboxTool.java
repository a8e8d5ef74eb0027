package dev.nettune.sandbox;

import java.util.List;

/** One simulated program of the sandbox's shell: runs with its arguments and stdin, writes stdout and stderr, returns its exit code. */
interface SandboxTool {
    /** One run of a program: its name as called (for tools that answer to several), arguments, stdin and the output buffers. */
    record Call(String program, List<String> args, String stdin, StringBuilder out, StringBuilder err) {
    }

    int run(Call c);
}
