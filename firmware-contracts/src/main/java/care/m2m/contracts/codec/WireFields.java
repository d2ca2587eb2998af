package care.m2m.contracts.codec;

/** The field names of contract v1, identical in JSON and CBOR; spelled here once for reader and writer. */
final class WireFields {

    static final String VERSION = "v";
    static final String TIMESTAMP = "ts";
    static final String SEQUENCE = "seq";
    static final String FIRMWARE = "fw";
    static final String METRICS = "metrics";
    static final String KIND = "kind";
    static final String CODE = "code";
    static final String TEXT = "text";
    static final String DATA = "data";
    static final String ID = "id";
    static final String ACTION = "action";
    static final String PARAMS = "params";
    static final String EXPIRES = "expires";
    static final String STATUS = "status";
    static final String TITLE = "title";
    static final String SAMPLING = "sampling_s";
    static final String SETTINGS = "settings";
    static final String STATE = "state";

    private WireFields() {
    }
}
