package dev.assay.policy.image;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A glob over image repository names ({@code registry/repository}): {@code *} matches within one path
 * segment, {@code **} across segments, {@code ?} one character other than {@code /}; everything else is
 * literal. {@code ghcr.io/acme/*} covers {@code ghcr.io/acme/app} but not {@code ghcr.io/acme/team/app};
 * {@code ghcr.io/acme/**} covers both; {@code **} covers every image.
 */
public final class ImageGlob {
    private final String glob;
    private final Pattern pattern;

    private ImageGlob(String glob, Pattern pattern) {
        this.glob = glob;
        this.pattern = pattern;
    }

    public static ImageGlob of(String glob) {
        Objects.requireNonNull(glob, "glob");
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else if (c == '?') {
                regex.append("[^/]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return new ImageGlob(glob, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    public boolean matches(String name) {
        return pattern.matcher(name).matches();
    }

    @Override
    public String toString() {
        return glob;
    }
}
