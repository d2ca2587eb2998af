package care.m2m.gateway.ladder;

import care.m2m.gateway.commands.CommandRecord;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Clustered mode: an operator's command belongs on the gateway instance that holds the device, where its
 * acknowledgement and result arrive. The router submits it there, or answers empty when this instance is the
 * right one (it holds the device, or it leads and no live instance holds the device).
 */
public interface CommandRouter {

    Future<Optional<CommandRecord>> submitElsewhere(String deviceId, String action, Map<String, Object> params,
            Duration ttl);
}
