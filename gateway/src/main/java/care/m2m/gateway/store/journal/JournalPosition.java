package care.m2m.gateway.store.journal;

/** A place in the journal: a segment's number and a byte offset in its file. */
record JournalPosition(long segment, long offset) implements Comparable<JournalPosition> {

    @Override
    public int compareTo(JournalPosition other) {
        int bySegment = Long.compare(segment, other.segment);
        return bySegment != 0 ? bySegment : Long.compare(offset, other.offset);
    }
}
