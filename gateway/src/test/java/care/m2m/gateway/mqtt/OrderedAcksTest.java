package care.m2m.gateway.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderedAcksTest {

    private final OrderedAcks acks = new OrderedAcks();
    private final List<Integer> sent = new ArrayList<>();

    @Test
    void anAckThatIsReadyEarlyWaitsForEveryEarlierOne() {
        OrderedAcks.Slot first = acks.reserve();
        OrderedAcks.Slot second = acks.reserve();
        OrderedAcks.Slot third = acks.reserve();

        acks.ready(third, () -> sent.add(3));
        acks.ready(second, () -> sent.add(2));
        assertThat(sent).isEmpty();

        acks.ready(first, () -> sent.add(1));
        assertThat(sent).containsExactly(1, 2, 3);
        assertThat(acks.pending()).isZero();
    }

    @Test
    void acksInOrderAreSentAtOnce() {
        OrderedAcks.Slot first = acks.reserve();
        acks.ready(first, () -> sent.add(1));
        OrderedAcks.Slot second = acks.reserve();
        acks.ready(second, () -> sent.add(2));
        assertThat(sent).containsExactly(1, 2);
    }
}
