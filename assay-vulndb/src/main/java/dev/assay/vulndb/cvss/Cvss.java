package dev.assay.vulndb.cvss;

import dev.assay.model.Rating;
import dev.assay.model.Severity;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point the advisory importers use: turns an OSV {@code severity[]} entry into a
 * {@link Rating} with a computed score.
 *
 * <p>It never throws. An import reads hundreds of thousands of records written by many hands; a vector
 * that breaks its grammar, or a severity type this class does not score, costs that one rating (logged at
 * debug level) and nothing else.
 */
public final class Cvss {
    /** OSV's {@code severity[].type} for a CVSS v2 vector. */
    public static final String CVSS_V2 = "CVSS_V2";
    /** OSV's {@code severity[].type} for a CVSS v3.0 or v3.1 vector. */
    public static final String CVSS_V3 = "CVSS_V3";
    /** OSV's {@code severity[].type} for a CVSS v4.0 vector. */
    public static final String CVSS_V4 = "CVSS_V4";

    private static final Logger LOG = LoggerFactory.getLogger(Cvss.class);

    private Cvss() {}

    /**
     * The rating of one OSV severity entry.
     *
     * @param osvSeverityType OSV's {@code severity[].type}: {@code CVSS_V2}, {@code CVSS_V3} or {@code CVSS_V4}
     *     are scored; any other type (such as {@code Ubuntu}) gives no rating
     * @param score OSV's {@code severity[].score}, a CVSS vector of the version the type names
     * @param source who published the rating (the advisory database or ecosystem)
     * @return the rating with method = the OSV type, the score, its severity label, the vector with
     *     surrounding whitespace removed and the source; empty for an unscored type or an invalid vector.
     *     For v2 and v3 the score is the base score (temporal and environmental metrics are validated but
     *     not applied, as NVD and OSV consumers expect); for v4 it is the score of the vector as written,
     *     since v4 folds threat and environmental metrics into its one score (CVSS-BT, -BE, -BTE) and that
     *     is the number FIRST's calculator and the publishing databases show for the vector
     */
    public static Optional<Rating> rating(String osvSeverityType, String score, String source) {
        if (osvSeverityType == null) {
            LOG.debug("CVSS rating skipped: no severity type (source {})", source);
            return Optional.empty();
        }
        try {
            double computed;
            switch (osvSeverityType) {
                case CVSS_V2 -> computed = CvssV2.parse(score).baseScore();
                case CVSS_V3 -> computed = CvssV3.parse(score).baseScore();
                case CVSS_V4 -> computed = CvssV4.parse(score).score();
                default -> {
                    LOG.debug(
                            "CVSS rating skipped: severity type '{}' is not CVSS (source {})", osvSeverityType, source);
                    return Optional.empty();
                }
            }
            return Optional.of(
                    new Rating(osvSeverityType, computed, Severity.fromScore(computed), score.strip(), source));
        } catch (InvalidCvssVectorException invalid) {
            LOG.debug(
                    "CVSS rating skipped: invalid {} vector {} (source {}): {}",
                    osvSeverityType,
                    invalid.input(),
                    source,
                    invalid.getMessage());
            return Optional.empty();
        } catch (RuntimeException bug) {
            // Not reachable for any vector the tests know of; if a scoring bug does surface, it costs one
            // rating and a warning with the stack, not the import.
            LOG.warn(
                    "CVSS rating failed on {} vector {} (source {}); this is a bug",
                    osvSeverityType,
                    InvalidCvssVectorException.abbreviate(score),
                    source,
                    bug);
            return Optional.empty();
        }
    }
}
