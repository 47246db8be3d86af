import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Line-oriented bridge to Maven's own version ordering, {@code ComparableVersion} from maven-artifact, so
 * that the Python checker compares Maven versions exactly as Maven does. Run as a single-file program:
 * {@code java -cp maven-artifact.jar MavenVersionCompare.java}.
 *
 * <p>Input: one request per line, two versions separated by a TAB. Output: "-1", "0" or "1" per request.
 * The first output line is "ready" followed by the jar's implementation version.
 */
public final class MavenVersionCompare {
    private MavenVersionCompare() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        String implementation = ComparableVersion.class.getPackage().getImplementationVersion();
        out.println("ready " + (implementation == null ? "unknown" : implementation));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                out.println("invalid request");
            } else {
                int order = new ComparableVersion(line.substring(0, tab)).compareTo(new ComparableVersion(line.substring(tab + 1)));
                out.println(Integer.signum(order));
            }
            out.flush();
        }
    }
}
