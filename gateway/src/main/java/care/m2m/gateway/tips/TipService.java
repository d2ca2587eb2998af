package care.m2m.gateway.tips;

import care.m2m.advisor.effect.Holdout;
import care.m2m.contracts.messages.Tip;
import care.m2m.contracts.topics.MessageType;
import care.m2m.contracts.messages.TipFeedback;
import care.m2m.gateway.commands.Downlink;
import care.m2m.gateway.ingest.IngestException;
import care.m2m.gateway.tips.Preferences.Channel;
import care.m2m.gateway.tips.TipRecord.State;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tips as one conversation: a proposal becomes one tip with one id, delivered on the channels the customer
 * consented to (the device's display through the downlink, the customer API and its live stream), never in
 * quiet hours, never more often than the customer's weekly limit, never after an opt-out, and never again
 * once dismissed unless its evidence changed. All decisions run one at a time on a single worker thread, so
 * two proposals cannot both slip under the weekly limit.
 */
public final class TipService {

    private static final Logger LOG = LoggerFactory.getLogger(TipService.class);
    public static final Duration WEEK = Duration.ofDays(7);
    public static final Duration SNOOZE = Duration.ofDays(1);
    private static final List<State> OPEN = List.of(State.PENDING, State.DELIVERED, State.READ, State.SNOOZED,
            State.HELD_OUT);
    private static final Set<State> NEVER_SHOWN = Set.of(State.PENDING, State.SUPPRESSED, State.HELD_OUT);

    private final TipStore tips;
    private final CustomerStore customers;
    private final Downlink downlink;
    private final TipEvents events;
    private final WorkerExecutor serial;
    private final Clock clock;
    private final DeviceTipStates deviceStates;
    private Holdout holdout = new Holdout(0);
    private TipWebhook webhook;
    private MeterRegistry meters;

    /** @param serial a worker executor with exactly one thread: every decision runs there, in order */
    public TipService(TipStore tips, CustomerStore customers, Downlink downlink, TipEvents events,
            WorkerExecutor serial, Clock clock) {
        this.tips = tips;
        this.customers = customers;
        this.downlink = downlink;
        this.events = events;
        this.serial = serial;
        this.clock = clock;
        this.deviceStates = new DeviceTipStates(downlink, clock);
    }

    /** Holds a share of advisor tips back from a random control group, to measure whether they work. */
    public TipService withHoldout(Holdout control) {
        this.holdout = control;
        return this;
    }

    /**
     * Counts tips delivered per channel as {@code m2mcare_tips_delivered_total{channel}}, and tip states the
     * devices acknowledged as {@code m2mcare_tip_states_delivered_total}.
     */
    public TipService withMetrics(MeterRegistry registry) {
        this.meters = registry;
        return this;
    }

    /** Enables the webhook channel for customers who consented to it. */
    public TipService withWebhook(TipWebhook channel) {
        this.webhook = channel;
        return this;
    }

    /** What became of a proposal, and whether it must go out right now. */
    private record Decision(TipRecord tip, boolean deliverNow, Set<Channel> channels) {
        Decision(TipRecord tip) {
            this(tip, false, Set.of());
        }
    }

    public Future<TipRecord> offer(TipProposal proposal) {
        return serial.executeBlocking(() -> decide(proposal), true)
                .onSuccess(d -> {
                    if (d.deliverNow()) {
                        push(d);
                    }
                })
                .map(Decision::tip);
    }

    public Future<Preferences> preferences(String customerRef) {
        return serial.executeBlocking(() -> customers.preferences(customerRef)
                .orElse(Preferences.defaults(customerRef)), true);
    }

    /** Saves preferences; an opt-out suppresses every tip still waiting, at once. */
    public Future<Preferences> savePreferences(Preferences preferences) {
        return serial.executeBlocking(() -> {
            customers.save(preferences);
            if (preferences.optedOut()) {
                for (TipRecord t : tips.ofCustomer(preferences.customerRef(), 1000)) {
                    if (t.state() == State.PENDING || t.state() == State.SNOOZED) {
                        tips.update(t.with(State.SUPPRESSED, "customer opted out", clock.instant()));
                    }
                }
            }
            return preferences;
        }, true);
    }

    /**
     * The customer marks a tip read, done, dismissed or snoozed in the API or on a web page; every open screen
     * follows, and so does the device's display when the tip was shown there.
     */
    public Future<Optional<TipRecord>> setState(String customerRef, String tipId, State state) {
        if (!state.settableByCustomer()) {
            return Future.failedFuture(new IllegalArgumentException(
                    "state: expected read, done, dismissed or snoozed, got " + state.name().toLowerCase()));
        }
        return serial.executeBlocking(() -> tips.find(tipId).filter(t -> t.customerRef().equals(customerRef))
                .map(t -> change(t, state)), true).onSuccess(changed -> changed.ifPresent(c -> {
                    events.publish(customerRef, "tip", toJson(c.tip()));
                    if (c.shownOnDevice()) {
                        sendToDevice(c.tip());
                    }
                })).map(changed -> changed.map(Changed::tip));
    }

    /**
     * The customer marked a tip on the device's display: the same change as in the API, seen on every other
     * channel. Succeeds once the new state is stored (the device's acknowledgement waits for that); fails with
     * an {@link IngestException} counted as {@code unknown_tip} when the device never showed such a tip.
     */
    public Future<Void> fromDevice(String deviceId, TipFeedback feedback) {
        State state = DeviceTipStates.state(feedback.state());
        return serial.executeBlocking(() -> {
            Optional<TipRecord> tip = tips.find(feedback.id())
                    .filter(t -> t.deviceId().equals(deviceId) && !NEVER_SHOWN.contains(t.state()));
            if (tip.isEmpty()) {
                throw IngestException.refused("unknown_tip", "device " + deviceId + " reported tip '" + feedback.id()
                        + "', which it was never shown");
            }
            TipRecord changed = change(tip.get(), state).tip();
            tips.deviceStateSent(changed.id(), changed.updatedAt()); // the device set it: nothing to send back
            return changed;
        }, true).onSuccess(t -> events.publish(t.customerRef(), "tip", toJson(t))).mapEmpty();
    }

    /**
     * A device subscribed (again) to its tip states: sends the customer-set states of the last week that it has not
     * acknowledged, such as a tip dismissed on the web page while the product was offline.
     */
    public void onDeviceListening(String deviceId) {
        serial.executeBlocking(() -> tips.unsentDeviceStates(deviceId, clock.instant().minus(WEEK)), true)
                .onSuccess(unsent -> unsent.forEach(this::sendToDevice))
                .onFailure(e -> LOG.warn("Could not read the unsent tip states of {}: {}", deviceId, e.toString()));
    }

    /** Sends the tip's state to its device and records the device's acknowledgement. */
    private void sendToDevice(TipRecord tip) {
        deviceStates.send(tip).onSuccess(v -> serial.executeBlocking(() -> {
            tips.deviceStateSent(tip.id(), tip.updatedAt());
            if (meters != null) {
                Counter.builder("m2mcare.tip.states.delivered").description("Tip states the devices acknowledged")
                        .register(meters).increment();
            }
            return null;
        }, true).onFailure(e -> LOG.warn("Could not record that {} got the state of tip {}: {}", tip.deviceId(),
                tip.id(), e.toString())));
    }

    /** A changed tip, and whether the device's display showed it (so it must follow). */
    private record Changed(TipRecord tip, boolean shownOnDevice) {
    }

    private Changed change(TipRecord t, State state) {
        Instant now = clock.instant();
        TipRecord changed = state == State.SNOOZED ? t.snoozedUntil(now.plus(SNOOZE), now)
                : t.with(state, t.note(), now);
        tips.update(changed);
        String customerRef = t.customerRef();
        if (webhook != null && customers.preferences(customerRef).orElse(Preferences.defaults(customerRef))
                .channels().contains(Channel.WEBHOOK)) {
            webhook.append(changed, "tip.updated");
        }
        return new Changed(changed, tips.channelsOf(t.id()).contains(Channel.DEVICE));
    }

    public Future<List<TipRecord>> ofCustomer(String customerRef) {
        return serial.executeBlocking(() -> tips.ofCustomer(customerRef, 200), true);
    }

    /** Delivers what quiet hours or the weekly limit held back, once its time has come. Call periodically. */
    public Future<Integer> deliverDue() {
        return serial.<List<Decision>>executeBlocking(() -> {
            Instant now = clock.instant();
            List<Decision> delivered = new ArrayList<>();
            for (TipRecord t : tips.due(now, 500)) {
                Decision decision = schedule(t, now);
                if (decision.deliverNow()) {
                    delivered.add(decision);
                }
            }
            return delivered;
        }, true).onSuccess(delivered -> delivered.forEach(this::push)).map(List::size);
    }

    private Decision decide(TipProposal p) {
        Instant now = clock.instant();
        Preferences prefs = customers.preferences(p.customerRef()).orElse(Preferences.defaults(p.customerRef()));
        List<TipRecord> same = tips.sameEvidence(p.customerRef(), p.deviceId(), p.kind(), p.evidenceKey());
        Optional<TipRecord> open = same.stream().filter(t -> OPEN.contains(t.state())).findFirst();
        if (open.isPresent()) {
            return new Decision(open.get());
        }
        TipRecord tip = new TipRecord("tip-" + UUID.randomUUID(), p.deviceId(), p.customerRef(), p.kind(), p.title(),
                p.text(), p.benefitKwh(), p.benefitEur(), p.evidenceKey(), p.source(), State.PENDING, null, now, now,
                null, now);
        if (prefs.optedOut()) {
            tip = tip.with(State.SUPPRESSED, "customer opted out", now);
        } else if (p.source() == TipRecord.Source.ADVISOR && holdout.heldOut(p.deviceId(), p.kind())) {
            tip = tip.with(State.HELD_OUT, "control group (hold-out share " + holdout.share() + ")", now);
        } else if (same.stream().anyMatch(t -> t.state() == State.DISMISSED)) {
            tip = tip.with(State.SUPPRESSED, "dismissed before, and the evidence has not changed", now);
        }
        if (!tips.insert(tip)) {
            return tips.sameEvidence(p.customerRef(), p.deviceId(), p.kind(), p.evidenceKey()).stream()
                    .filter(t -> OPEN.contains(t.state())).findFirst().map(Decision::new)
                    .orElseThrow(() -> new IllegalStateException("tip for " + p.deviceId() + " (" + p.kind()
                            + ") refused as a duplicate, but no open twin was found"));
        }
        return tip.state() == State.PENDING ? schedule(tip, now) : new Decision(tip);
    }

    /** Decides when a pending tip may go out: now, after quiet hours, or when the weekly limit allows. */
    private Decision schedule(TipRecord tip, Instant now) {
        Preferences prefs = customers.preferences(tip.customerRef()).orElse(Preferences.defaults(tip.customerRef()));
        if (prefs.optedOut() || prefs.maxPerWeek() == 0) {
            TipRecord suppressed = tip.with(State.SUPPRESSED, prefs.optedOut() ? "customer opted out"
                    : "the customer allows no tips", now);
            tips.update(suppressed);
            return new Decision(suppressed);
        }
        Instant when = now;
        List<Instant> recent = tips.deliveredSince(tip.customerRef(), now.minus(WEEK));
        if (recent.size() >= prefs.maxPerWeek()) {
            when = recent.get(recent.size() - prefs.maxPerWeek()).plus(WEEK);
        }
        when = prefs.quietUntil(when);
        if (when.isAfter(now)) {
            TipRecord deferred = tip.deferredUntil(when, recent.size() >= prefs.maxPerWeek()
                    ? "weekly limit of " + prefs.maxPerWeek() + " reached" : "quiet hours", now);
            tips.update(deferred);
            return new Decision(deferred);
        }
        TipRecord delivered = tip.with(State.DELIVERED, null, now);
        if (!tips.transition(tip, delivered)) {
            LOG.debug("Tip {} was delivered by another gateway instance meanwhile", tip.id());
            return new Decision(tip);
        }
        return new Decision(delivered, true, prefs.channels());
    }

    /** Pushes a tip that was just marked delivered to the channels the customer consented to. */
    private void push(Decision decision) {
        TipRecord tip = decision.tip();
        if (decision.channels().contains(Channel.WEB)) {
            events.publish(tip.customerRef(), "tip", toJson(tip));
            record(tip, Channel.WEB);
        }
        if (decision.channels().contains(Channel.WEBHOOK) && webhook != null) {
            serial.executeBlocking(() -> {
                webhook.append(tip, "tip.delivered");
                tips.recordDelivery(tip.id(), Channel.WEBHOOK, clock.instant());
                count(Channel.WEBHOOK);
                return null;
            }, true).onFailure(e -> LOG.warn("Tip {} not handed to the webhook: {}", tip.id(), e.getMessage()));
        }
        if (decision.channels().contains(Channel.DEVICE)) {
            downlink.deliver(tip.deviceId(), MessageType.TIPS,
                            new Tip(tip.id(), tip.createdAt(), tip.kind(), tip.title(), tip.text()))
                    .onSuccess(v -> record(tip, Channel.DEVICE))
                    .onFailure(e -> LOG.debug("Tip {} not shown on {}: {}", tip.id(), tip.deviceId(), e.getMessage()));
        }
    }

    /**
     * Records a delivery. For the device's display it also catches a state the customer set while the tip was on
     * its way (before the device's acknowledgement was recorded, the display did not count as showing it), so that
     * the display follows it too.
     */
    private void record(TipRecord tip, Channel channel) {
        serial.executeBlocking(() -> {
            tips.recordDelivery(tip.id(), channel, clock.instant());
            count(channel);
            return channel == Channel.DEVICE ? tips.unsentDeviceState(tip.id()) : Optional.<TipRecord>empty();
        }, true).onSuccess(changedMeanwhile -> changedMeanwhile.ifPresent(this::sendToDevice))
                .onFailure(e -> LOG.warn("Could not record delivery of {} on {}: {}", tip.id(), channel,
                        e.getMessage()));
    }

    private void count(Channel channel) {
        if (meters != null) {
            Counter.builder("m2mcare.tips.delivered").tag("channel", channel.name().toLowerCase())
                    .description("Tips delivered, per channel").register(meters).increment();
        }
    }

    public static JsonObject toJson(TipRecord t) {
        return new JsonObject().put("id", t.id()).put("deviceId", t.deviceId()).put("kind", t.kind())
                .put("title", t.title()).put("text", t.text()).put("benefitKwhPerMonth", t.benefitKwh())
                .put("benefitEurPerMonth", t.benefitEur()).put("state", t.state().name().toLowerCase())
                .put("note", t.note()).put("createdAt", t.createdAt().toString())
                .put("deliveredAt", t.deliveredAt() == null ? null : t.deliveredAt().toString())
                .put("updatedAt", t.updatedAt().toString());
    }
}
