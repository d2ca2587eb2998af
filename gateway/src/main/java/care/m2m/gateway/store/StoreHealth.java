package care.m2m.gateway.store;

/** Whether a store answers, and if not, why; shown by {@code GET /health}. */
public record StoreHealth(String kind, boolean up, String detail) {

    public static StoreHealth up(String kind, String detail) {
        return new StoreHealth(kind, true, detail);
    }

    public static StoreHealth down(String kind, String detail) {
        return new StoreHealth(kind, false, detail);
    }
}
