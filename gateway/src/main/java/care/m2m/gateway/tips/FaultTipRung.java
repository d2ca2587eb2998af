package care.m2m.gateway.tips;

import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.FaultSpec;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.gateway.devices.DeviceDirectory;
import care.m2m.gateway.diagnosis.Fault;
import care.m2m.gateway.diagnosis.rules.LadderPolicy;
import care.m2m.gateway.diagnosis.rules.RuleBook;
import care.m2m.gateway.repair.NextRung;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second rung of the service ladder: when the product could not repair itself, the customer gets the
 * model's self-service instruction for that fault (if it has one), through the same tip channel and rules
 * as every other tip.
 */
public final class FaultTipRung implements NextRung {

    private static final Logger LOG = LoggerFactory.getLogger(FaultTipRung.class);
    public static final String KIND = "self_service";

    private final ModelCatalog models;
    private final DeviceDirectory directory;
    private final TipService tips;
    private final RuleBook rules;

    public FaultTipRung(ModelCatalog models, RuleBook rules, DeviceDirectory directory, TipService tips) {
        this.rules = rules;
        this.models = models;
        this.directory = directory;
        this.tips = tips;
    }

    @Override
    public void escalate(Fault fault, String reason) {
        Optional<DeviceModel> model = models.find(fault.model());
        Optional<FaultSpec> spec = model.flatMap(m -> m.fault(fault.code()));
        if (spec.isEmpty() || spec.get().customerTip() == null
                || !rules.forModel(fault.model()).ladder(fault.code()).has(LadderPolicy.Rung.TIP)) {
            return;
        }
        directory.find(fault.deviceId()).onSuccess(device -> device.filter(d -> d.customerRef() != null).ifPresent(d ->
                tips.offer(new TipProposal(d.id(), d.customerRef(), KIND, model.get().name() + ": " + spec.get().meaning(),
                                spec.get().customerTip(), null, null, fault.id(), TipRecord.Source.FAULT))
                        .onFailure(e -> LOG.warn("Self-service tip for fault {} failed: {}", fault.id(), e.getMessage()))));
    }
}
