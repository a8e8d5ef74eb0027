import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws NetTune's icon (assets/icons/nettune.png): an RSS indirection table as a 4x4 grid of
 * buckets coloured by queue, one bucket outlined as "this flow's". Run once:
 * {@code java packaging/icon/DrawIcon.java assets/icons}.
 */
public class DrawIcon {
    public static void main(String[] args) throws Exception {
        File dir = new File(args.length > 0 ? args[0] : ".");
        for (int size : new int[] {256, 64, 32}) {
            ImageIO.write(draw(size), "png", new File(dir, size == 256 ? "nettune.png" : "nettune-" + size + ".png"));
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.setPaint(new GradientPaint(0, 0, new Color(0x1f, 0x2a, 0x44), size, size, new Color(0x0b, 0x3d, 0x91)));
        g.fill(new RoundRectangle2D.Double(8 * s, 8 * s, 240 * s, 240 * s, 56 * s, 56 * s));
        // The queue palette's first four colours, filled as "equal 4" fills a table.
        Color[] q = {new Color(0x4e79a7).brighter(), new Color(0xf28e2b), new Color(0x59a14f), new Color(0xe15759)};
        double cell = 44 * s;
        double gap = 10 * s;
        double origin = (size - (4 * cell + 3 * gap)) / 2;
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                g.setColor(q[(r * 4 + c) % 4]);
                g.fill(new RoundRectangle2D.Double(origin + c * (cell + gap), origin + r * (cell + gap), cell, cell,
                        12 * s, 12 * s));
            }
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) Math.max(1.5, 7 * s)));
        double hx = origin + 2 * (cell + gap);
        double hy = origin + 1 * (cell + gap);
        g.draw(new RoundRectangle2D.Double(hx - 3 * s, hy - 3 * s, cell + 6 * s, cell + 6 * s, 14 * s, 14 * s));
        g.dispose();
        return img;
    }
}
