package care.m2m.contracts.models;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The device models a gateway knows, by id. Immutable, so it can be shared by every verticle; reloading
 * models means building a new catalog.
 */
public final class ModelCatalog {

    private final Map<String, DeviceModel> models;

    private ModelCatalog(Map<String, DeviceModel> models) {
        this.models = models;
    }

    /**
     * A catalog of the given models, ordered by id.
     *
     * @throws IllegalArgumentException if two models share an id
     */
    public static ModelCatalog of(Collection<DeviceModel> models) {
        Map<String, DeviceModel> byId = new LinkedHashMap<>();
        models.stream().sorted(Comparator.comparing(DeviceModel::id)).forEach(model -> {
            if (byId.putIfAbsent(model.id(), model) != null) {
                throw new IllegalArgumentException("device model " + model.id() + " is defined twice");
            }
        });
        return new ModelCatalog(java.util.Collections.unmodifiableMap(byId));
    }

    public Optional<DeviceModel> find(String id) {
        return Optional.ofNullable(id == null ? null : models.get(id));
    }

    /**
     * The model with this id.
     *
     * @throws NoSuchElementException naming the known ids, if there is none
     */
    public DeviceModel require(String id) {
        return find(id).orElseThrow(() -> new NoSuchElementException(
                "no device model '" + id + "'; known models: " + String.join(", ", models.keySet())));
    }

    /** Every model, ordered by id. */
    public Collection<DeviceModel> all() {
        return List.copyOf(models.values());
    }

    @Override
    public String toString() {
        return "ModelCatalog" + models.keySet();
    }
}
