package care.m2m.gateway.advice;

import care.m2m.advisor.history.TimeRange;
import care.m2m.advisor.tariff.Tariff;
import care.m2m.advisor.tips.Advisor;
import care.m2m.advisor.tips.AdvisorContext;
import care.m2m.advisor.tips.Tip;
import care.m2m.contracts.models.DeviceModel;
import care.m2m.contracts.models.ModelCatalog;
import care.m2m.gateway.devices.Device;
import care.m2m.gateway.devices.DeviceRegistry;
import care.m2m.gateway.store.TelemetryStore;
import care.m2m.gateway.tips.TipProposal;
import care.m2m.gateway.tips.TipRecord;
import care.m2m.gateway.tips.TipService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the usage advisor over every customer's devices and offers what it finds as tips; the tip service
 * then decides, by the customer's preferences, whether and when each one is delivered. Blocking (it reads
 * usage history): the gateway runs it on a worker, periodically.
 */
public final class AdviceJob {

    private static final Logger LOG = LoggerFactory.getLogger(AdviceJob.class);

    private final Advisor advisor;
    private final Tariff tariff;
    private final DeviceRegistry registry;
    private final ModelCatalog models;
    private final StoreUsageHistory history;
    private final TipService tips;
    private final Duration window;
    private final Clock clock;

    public AdviceJob(Advisor advisor, Tariff tariff, DeviceRegistry registry, ModelCatalog models, TelemetryStore store,
            TipService tips, Duration window, Clock clock) {
        this.advisor = advisor;
        this.tariff = tariff;
        this.registry = registry;
        this.models = models;
        this.history = new StoreUsageHistory(store);
        this.tips = tips;
        this.window = window;
        this.clock = clock;
    }

    /** Advises every device that belongs to a customer; returns how many tips were proposed. */
    public int run() {
        int proposed = 0;
        String after = null;
        List<Device> page;
        do {
            page = registry.list(after, 500);
            for (Device device : page) {
                proposed += advise(device);
            }
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 500);
        LOG.info("Usage advisor proposed {} tips", proposed);
        return proposed;
    }

    /** Advises one device; returns how many tips were proposed. */
    public int advise(Device device) {
        Optional<DeviceModel> model = models.find(device.model());
        if (device.customerRef() == null || model.isEmpty()) {
            return 0;
        }
        List<Tip> found;
        try {
            found = advisor.advise(new AdvisorContext(new care.m2m.advisor.tips.Device(device.id(), model.get()), history,
                    tariff, TimeRange.ending(clock.instant(), window)));
        } catch (RuntimeException e) {
            LOG.warn("Usage advisor failed for {}: {}", device.id(), e.getMessage());
            return 0;
        }
        List<TipProposal> proposals = new ArrayList<>();
        for (Tip tip : found) {
            proposals.add(proposal(device, tip));
        }
        proposals.forEach(tips::offer);
        return proposals.size();
    }

    /**
     * The evidence key rounds the benefit to whole euros (or kWh) a month: a tip dismissed once comes back
     * only when what it is worth changed noticeably, not at every small wobble of the data.
     */
    static TipProposal proposal(Device device, Tip tip) {
        String kind = tip.kind().name().toLowerCase(Locale.ROOT);
        String evidence = kind + ":" + Math.round(tip.benefit().eurPerMonth()) + "eur:"
                + Math.round(tip.benefit().kwhPerMonth()) + "kwh";
        return new TipProposal(device.id(), device.customerRef(), kind, title(tip), tip.advice(),
                tip.benefit().kwhPerMonth(), tip.benefit().eurPerMonth(), evidence, TipRecord.Source.ADVISOR);
    }

    private static String title(Tip tip) {
        return switch (tip.kind()) {
            case SHIFT_TO_CHEAP_HOURS -> String.format(Locale.ROOT, "Save about %.2f EUR a month with cheaper hours",
                    tip.benefit().eurPerMonth());
            case IDLE_WASTE -> "Your machine is kept warm for nothing";
            case ECO_MODE -> "Same result, less energy";
            case MAINTENANCE_DUE -> "Time for a little maintenance";
            case UNUSED_FEATURE -> "A feature that would pay off";
        };
    }
}
