package dev.assay.version;

import java.util.ArrayList;
import java.util.List;

/**
 * Maven's version order, as {@code org.apache.maven.artifact.versioning.ComparableVersion} 3.9 parses it:
 * versions split at {@code .}, {@code -} and digit/letter transitions into numbers, qualifiers and nested
 * lists (a {@code -}, a transition or a trailing qualifier opens a sub-list); trailing "null" items
 * ({@code 0}, {@code ""}, {@code ga}, {@code final}, {@code release}) are trimmed; qualifiers order {@code
 * alpha < beta < milestone < rc = cr < snapshot < "" = ga = final = release < sp < anything else}
 * (alphabetically), and {@code a}, {@code b}, {@code m} directly followed by a digit mean alpha, beta,
 * milestone. So {@code 1.0 == 1.0.0}, {@code 1-SNAPSHOT < 1 < 1-sp}, {@code 1.foo == 1-foo < 1-1 < 1.1}.
 *
 * <p>Written here rather than delegating to ComparableVersion, which is not a total order: it compares a
 * missing item against a list by the list's contents but a number against any list by type alone, so
 * {@code rc-finala <= rc-release-alpha <= rc} holds while {@code rc-finala > rc}, and it parses a megabyte of
 * digits into a BigInteger for half a minute. This implementation gives each item a key that places the
 * "missing" item at one fixed point, by the sign of the item followed by the rest of its list against
 * nothing, and otherwise keeps ComparableVersion's type order (qualifier, list, number). Where the two
 * differ, ComparableVersion's own comparisons run in a circle through the version that stops just before
 * the difference: {@code 1.0.alpha.1 < 1 < 1-1} but {@code 1.0.alpha.1 > 1-1}; here {@code 1.0.alpha.1}
 * stays a pre-release of 1, below the build {@code 1-1}. Digits are those {@link Character#isDigit} accepts,
 * as in ComparableVersion; any non-blank string up to {@link VersionText#MAX_LENGTH} characters is a valid
 * version.
 */
public final class MavenVersionScheme extends ParsedVersionScheme<MavenVersionScheme.ListItem> {
    static final String ID = "maven";

    private static final int RELEASE_RANK = 5;
    private static final int UNKNOWN_RANK = 7;
    private static final List<String> QUALIFIER_ORDER =
            List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");

    MavenVersionScheme() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    int compareRead(ListItem left, ListItem right) {
        return compareLists(left, right);
    }

    @Override
    ListItem read(String version) {
        if (version == null || version.isBlank() || version.length() > VersionText.MAX_LENGTH) {
            return null;
        }
        String text = VersionText.lower(version);
        List<ListItem> created = new ArrayList<>();
        ListItem root = new ListItem();
        created.add(root);
        ListItem current = root;
        boolean inDigits = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == '-') {
                current.items.add(i == start ? NumberItem.ZERO : item(inDigits, text.substring(start, i), false));
                start = i + 1;
                if (c == '-') {
                    current = openList(current, created);
                }
            } else if (Character.isDigit(c)) {
                if (!inDigits && i > start) {
                    // A qualifier directly followed by a number ("rc1", "a1"): both go down one level.
                    if (!current.items.isEmpty()) {
                        current = openList(current, created);
                    }
                    current.items.add(item(false, text.substring(start, i), true));
                    start = i;
                    current = openList(current, created);
                }
                inDigits = true;
            } else {
                if (inDigits && i > start) {
                    current.items.add(item(true, text.substring(start, i), false));
                    start = i;
                    current = openList(current, created);
                }
                inDigits = false;
            }
        }
        if (text.length() > start) {
            // A trailing qualifier ("1.0.Final", "1.x") counts as if written after a hyphen.
            if (!inDigits && !current.items.isEmpty()) {
                current = openList(current, created);
            }
            current.items.add(item(inDigits, text.substring(start), false));
        }
        // Lists are created after their parents, so the reverse order finishes every child first.
        for (int i = created.size() - 1; i >= 0; i--) {
            created.get(i).finish();
        }
        return root;
    }

    private static ListItem openList(ListItem parent, List<ListItem> created) {
        ListItem child = new ListItem();
        parent.items.add(child);
        created.add(child);
        return child;
    }

    private static Item item(boolean digits, String token, boolean followedByDigit) {
        if (digits) {
            StringBuilder value = new StringBuilder(token.length());
            for (int i = 0; i < token.length(); i++) {
                value.append((char) ('0' + Character.digit(token.charAt(i), 10)));
            }
            return new NumberItem(VersionText.stripLeadingZeros(value.toString()));
        }
        String qualifier = token;
        if (followedByDigit && qualifier.length() == 1) {
            qualifier = switch (qualifier.charAt(0)) {
                case 'a' -> "alpha";
                case 'b' -> "beta";
                case 'm' -> "milestone";
                default -> qualifier;
            };
        }
        qualifier = switch (qualifier) {
            case "ga", "final", "release" -> "";
            case "cr" -> "rc";
            default -> qualifier;
        };
        int rank = QUALIFIER_ORDER.indexOf(qualifier);
        return rank >= 0 ? new QualifierItem(rank, "") : new QualifierItem(UNKNOWN_RANK, qualifier);
    }

    /**
     * Lexicographic over item keys, the shorter list padded with "nothing" (band 0). Because the padding
     * has one fixed place among the keys, this is a total order whatever the items are.
     */
    private static int compareLists(ListItem left, ListItem right) {
        int length = Math.max(left.items.size(), right.items.size());
        for (int i = 0; i < length; i++) {
            int leftBand = i < left.items.size() ? left.bands[i] : 0;
            int rightBand = i < right.items.size() ? right.bands[i] : 0;
            if (leftBand != rightBand) {
                return Integer.compare(leftBand, rightBand);
            }
            if (leftBand == 0) {
                continue;
            }
            Item leftItem = left.items.get(i);
            Item rightItem = right.items.get(i);
            int leftRank = subrank(leftItem, leftBand);
            int rightRank = subrank(rightItem, rightBand);
            if (leftRank != rightRank) {
                return Integer.compare(leftRank, rightRank);
            }
            int byValue = compareSameKind(leftItem, rightItem);
            if (byValue != 0) {
                return byValue;
            }
        }
        return 0;
    }

    /**
     * Within a band, ComparableVersion's type order: qualifiers before lists before numbers, the "null"
     * item of each kind at the edge of its kind that faces the band's centre.
     */
    private static int subrank(Item item, int band) {
        return switch (item) {
            case QualifierItem qualifier -> (qualifier.sign() != 0) == (band < 0) ? 0 : 1;
            case ListItem list -> (list.sign() != 0) == (band < 0) ? 2 : 3;
            case NumberItem number -> number.sign() == 0 ? 4 : 5;
        };
    }

    private static int compareSameKind(Item left, Item right) {
        return switch (left) {
            case NumberItem number -> VersionText.compareDigits(number.digits(), ((NumberItem) right).digits());
            case QualifierItem qualifier -> {
                QualifierItem other = (QualifierItem) right;
                int byRank = Integer.compare(qualifier.rank(), other.rank());
                yield byRank != 0 ? byRank : Integer.signum(qualifier.text().compareTo(other.text()));
            }
            case ListItem list -> compareLists(list, (ListItem) right);
        };
    }

    sealed interface Item permits NumberItem, QualifierItem, ListItem {
        /** Whether the item alone sorts before (-1), like (0) or after (1) no item at all. */
        int sign();
    }

    record NumberItem(String digits) implements Item {
        static final NumberItem ZERO = new NumberItem("0");

        @Override
        public int sign() {
            return digits.equals("0") ? 0 : 1;
        }
    }

    /** A qualifier by its rank in the known order; unknown qualifiers share the last rank and sort by text. */
    record QualifierItem(int rank, String text) implements Item {
        @Override
        public int sign() {
            return Integer.compare(rank, RELEASE_RANK);
        }
    }

    static final class ListItem implements Item {
        final List<Item> items = new ArrayList<>();

        /**
         * Per item, whether the list from that item on sorts before (-1), like (0) or after (1) nothing: the
         * item's own sign, or for a "null" item the band of what follows it.
         */
        int[] bands = new int[0];

        @Override
        public int sign() {
            return bands.length == 0 ? 0 : bands[0];
        }

        /** Trims trailing "null" items, also those before trailing sub-lists, then computes the bands. */
        void finish() {
            for (int i = items.size() - 1; i >= 0; i--) {
                Item item = items.get(i);
                if (isNullItem(item)) {
                    items.remove(i);
                } else if (!(item instanceof ListItem)) {
                    break;
                }
            }
            bands = new int[items.size()];
            int following = 0;
            for (int i = items.size() - 1; i >= 0; i--) {
                int own = items.get(i).sign();
                following = own != 0 ? own : following;
                bands[i] = following;
            }
        }

        private static boolean isNullItem(Item item) {
            return switch (item) {
                case NumberItem number -> number.digits().equals("0");
                case QualifierItem qualifier -> qualifier.rank() == RELEASE_RANK;
                case ListItem list -> list.items.isEmpty();
            };
        }
    }
}
