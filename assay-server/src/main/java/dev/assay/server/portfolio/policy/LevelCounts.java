package dev.assay.server.portfolio.policy;

/** How many of a version's policy results have each level. */
public record LevelCounts(long error, long warning, long note, long none) {
    public static final LevelCounts NONE = new LevelCounts(0, 0, 0, 0);

    LevelCounts plus(ResultLevel level, long count) {
        return switch (level) {
            case ERROR -> new LevelCounts(error + count, warning, note, none);
            case WARNING -> new LevelCounts(error, warning + count, note, none);
            case NOTE -> new LevelCounts(error, warning, note + count, none);
            case NONE -> new LevelCounts(error, warning, note, none + count);
        };
    }

    public long total() {
        return error + warning + note + none;
    }
}
