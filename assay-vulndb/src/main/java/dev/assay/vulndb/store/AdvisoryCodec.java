package dev.assay.vulndb.store;

import dev.assay.model.Advisory;
import dev.assay.model.AffectedPackage;
import dev.assay.model.AffectedRange;
import dev.assay.model.RangeEvent;
import dev.assay.model.Rating;
import dev.assay.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary form of one {@link Advisory} in the records file. Field order is fixed and every field is
 * written, so equal advisories encode to equal bytes: the importer relies on that to recognize an
 * unchanged record without decoding the stored one.
 *
 * <p>Enum values are written as their declared ordinal; reordering an enum of the model therefore needs
 * a new {@link StoreFormat#VERSION}.
 */
final class AdvisoryCodec {
    private static final int NO_INSTANT = 0;
    private static final int HAS_INSTANT = 1;

    private AdvisoryCodec() {}

    static byte[] encode(Advisory advisory) {
        ByteArrayEncoder out = new ByteArrayEncoder(512 + advisory.details().length());
        encode(advisory, out);
        return out.toByteArray();
    }

    static void encode(Advisory advisory, ByteArrayEncoder out) {
        out.writeString(advisory.id());
        writeStrings(out, advisory.aliases());
        out.writeString(advisory.summary());
        out.writeString(advisory.details());
        writeInstant(out, advisory.published());
        writeInstant(out, advisory.modified());
        writeInstant(out, advisory.withdrawn());
        out.writeVarInt(advisory.affected().size());
        for (AffectedPackage affected : advisory.affected()) {
            out.writeString(affected.ecosystem());
            out.writeString(affected.name());
            out.writeString(affected.purl());
            out.writeString(affected.severity());
            out.writeVarInt(affected.ranges().size());
            for (AffectedRange range : affected.ranges()) {
                out.writeByte(range.type().ordinal());
                out.writeString(range.repo());
                out.writeVarInt(range.events().size());
                for (RangeEvent event : range.events()) {
                    out.writeByte(event.kind().ordinal());
                    out.writeString(event.version());
                }
            }
            writeStrings(out, affected.versions());
        }
        out.writeVarInt(advisory.ratings().size());
        for (Rating rating : advisory.ratings()) {
            out.writeString(rating.method());
            out.writeDouble(rating.score());
            out.writeByte(rating.severity().ordinal());
            out.writeString(rating.vector());
            out.writeString(rating.source());
        }
        writeStrings(out, advisory.references());
        out.writeString(advisory.source());
    }

    static Advisory decode(byte[] bytes, int offset, int length) {
        ByteArrayDecoder in = new ByteArrayDecoder(bytes, offset, length);
        String id = in.readString();
        List<String> aliases = readStrings(in);
        String summary = in.readString();
        String details = in.readString();
        Instant published = readInstant(in);
        Instant modified = readInstant(in);
        Instant withdrawn = readInstant(in);
        int affectedCount = in.readCount(5);
        List<AffectedPackage> affected = new ArrayList<>(affectedCount);
        for (int i = 0; i < affectedCount; i++) {
            String ecosystem = in.readString();
            String name = in.readString();
            String purl = in.readString();
            String severity = in.readString();
            int rangeCount = in.readCount(3);
            List<AffectedRange> ranges = new ArrayList<>(rangeCount);
            for (int r = 0; r < rangeCount; r++) {
                AffectedRange.Type type = enumValue(AffectedRange.Type.values(), in.readByte());
                String repo = in.readString();
                int eventCount = in.readCount(2);
                List<RangeEvent> events = new ArrayList<>(eventCount);
                for (int e = 0; e < eventCount; e++) {
                    RangeEvent.Kind kind = enumValue(RangeEvent.Kind.values(), in.readByte());
                    events.add(new RangeEvent(kind, in.readString()));
                }
                ranges.add(new AffectedRange(type, repo, events));
            }
            affected.add(new AffectedPackage(ecosystem, name, purl, ranges, readStrings(in), severity));
        }
        int ratingCount = in.readCount(12);
        List<Rating> ratings = new ArrayList<>(ratingCount);
        for (int i = 0; i < ratingCount; i++) {
            String method = in.readString();
            double score = in.readDouble();
            Severity severity = enumValue(Severity.values(), in.readByte());
            String vector = in.readString();
            ratings.add(new Rating(method, score, severity, vector, in.readString()));
        }
        List<String> references = readStrings(in);
        String source = in.readString();
        if (!in.atEnd()) {
            throw new MalformedDataException("advisory " + id + " has trailing bytes");
        }
        return new Advisory(
                id, aliases, summary, details, published, modified, withdrawn, affected, ratings, references, source);
    }

    private static void writeStrings(ByteArrayEncoder out, List<String> values) {
        out.writeVarInt(values.size());
        for (String value : values) {
            out.writeString(value);
        }
    }

    private static List<String> readStrings(ByteArrayDecoder in) {
        int count = in.readCount(1);
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readString());
        }
        return values;
    }

    private static void writeInstant(ByteArrayEncoder out, Instant instant) {
        if (instant == null) {
            out.writeByte(NO_INSTANT);
            return;
        }
        out.writeByte(HAS_INSTANT);
        out.writeSignedVarLong(instant.getEpochSecond());
        out.writeVarInt(instant.getNano());
    }

    private static Instant readInstant(ByteArrayDecoder in) {
        int marker = in.readByte();
        if (marker == NO_INSTANT) {
            return null;
        }
        if (marker != HAS_INSTANT) {
            throw new MalformedDataException("bad instant marker " + marker);
        }
        long seconds = in.readSignedVarLong();
        int nanos = in.readVarInt();
        if (nanos > 999_999_999 || seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()) {
            throw new MalformedDataException("instant out of range");
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static <E extends Enum<E>> E enumValue(E[] values, int ordinal) {
        if (ordinal >= values.length) {
            throw new MalformedDataException(
                    "unknown " + values[0].getDeclaringClass().getSimpleName() + " " + ordinal);
        }
        return values[ordinal];
    }
}
