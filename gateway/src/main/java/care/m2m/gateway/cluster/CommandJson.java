package care.m2m.gateway.cluster;

import care.m2m.gateway.commands.CommandRecord;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A command record on the clustered event bus: the reply of the instance that queued it. */
final class CommandJson {

    private CommandJson() {
    }

    static JsonObject toJson(CommandRecord c) {
        return new JsonObject().put("id", c.id()).put("deviceId", c.deviceId()).put("action", c.action())
                .put("params", new JsonObject(c.params())).put("origin", c.origin().name()).put("faultId", c.faultId())
                .put("status", c.status().name()).put("createdAt", text(c.createdAt()))
                .put("expiresAt", text(c.expiresAt())).put("sendCount", c.sendCount()).put("maxSends", c.maxSends())
                .put("sentAt", text(c.sentAt())).put("deliveredAt", text(c.deliveredAt()))
                .put("completedAt", text(c.completedAt())).put("resultCode", c.resultCode())
                .put("resultText", c.resultText()).put("updatedAt", text(c.updatedAt()));
    }

    static CommandRecord fromJson(JsonObject j) {
        return new CommandRecord(j.getString("id"), j.getString("deviceId"), j.getString("action"),
                j.getJsonObject("params", new JsonObject()).getMap(), CommandRecord.Origin.valueOf(j.getString("origin")),
                j.getString("faultId"), CommandRecord.Status.valueOf(j.getString("status")), instant(j, "createdAt"),
                instant(j, "expiresAt"), j.getInteger("sendCount"), j.getInteger("maxSends"), instant(j, "sentAt"),
                instant(j, "deliveredAt"), instant(j, "completedAt"), j.getInteger("resultCode"),
                j.getString("resultText"), instant(j, "updatedAt"));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(JsonObject j, String key) {
        String value = j.getString(key);
        return value == null ? null : Instant.parse(value);
    }
}
