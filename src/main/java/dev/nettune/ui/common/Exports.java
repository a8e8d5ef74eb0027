package dev.nettune.ui.common;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * Saving what a panel shows: choose a file (FX thread), take the picture (FX thread, it reads the
 * scene), then write the file on a worker through the panel's {@link BackgroundWork}, whose status
 * says where it went.
 */
public final class Exports {
    private Exports() {
    }

    /** Asks where to save; empty when the user cancels. */
    public static Optional<Path> chooseFile(Node owner, String initialName, String description, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(initialName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        File f = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        return Optional.ofNullable(f).map(File::toPath);
    }

    /** The node as drawn now (call on the FX thread). */
    public static BufferedImage snapshot(Node node) {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Writes {@code text} to {@code file} on the work's worker. */
    public static void writeCsv(BackgroundWork work, Path file, String text) {
        work.start(Messages.format("common.saving", String.valueOf(file.getFileName())), r -> {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }, p -> { }, p -> Messages.format("common.saved", String.valueOf(p)));
    }

    /** Writes {@code image} as PNG to {@code file} on the work's worker. */
    public static void writePng(BackgroundWork work, Path file, BufferedImage image) {
        work.start(Messages.format("common.saving", String.valueOf(file.getFileName())), r -> {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("No PNG writer in this Java runtime.");
            }
            return file;
        }, p -> { }, p -> Messages.format("common.saved", String.valueOf(p)));
    }
}
