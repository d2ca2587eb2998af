package care.m2m.advisor.tips;

import care.m2m.contracts.models.DeviceModel;
import java.util.Objects;

/**
 * A customer's device as the advisor sees it: its id and its model profile, which tells the generators what
 * kind of product it is and which metrics it reports.
 */
public record Device(String id, DeviceModel model) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
    }

    public String category() {
        return model.category();
    }

    public boolean reports(String metric) {
        return model.metric(metric).isPresent();
    }
}
