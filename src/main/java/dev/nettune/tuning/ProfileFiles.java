package dev.nettune.tuning;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The port {@link ProfileLibrary} reads and writes profile files through, so the tuning domain does no file I/O
 * itself; the app layer wires the file-system adapter ({@code store.FileSystemProfileFiles}).
 */
public interface ProfileFiles {
    /** The {@code *.json} files directly in {@code dir}, sorted by name; none when {@code dir} is not a directory. */
    List<Path> jsonFiles(Path dir);

    /** Whether {@code path} is a regular file. */
    boolean isFile(Path path);

    /** The size of {@code file} in bytes. */
    long size(Path file) throws IOException;

    /** The whole of {@code file} as UTF-8 text; malformed UTF-8 is an {@link IOException}. */
    String readUtf8(Path file) throws IOException;

    /** Writes {@code text} as UTF-8 to {@code target} all at once (a temporary file moved over it), creating its folder. */
    void writeAtomically(Path target, String text);

    /** Deletes {@code file} if it exists. */
    void delete(Path file);
}
