-- Faults: one active row per device and fault code (active_key is set only while active, and unique).
CREATE TABLE faults (
    id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    device_id    VARCHAR(64)  NOT NULL,
    model        VARCHAR(64)  NOT NULL,
    code         VARCHAR(64)  NOT NULL,
    severity     VARCHAR(16)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    source       VARCHAR(16)  NOT NULL,
    detail       VARCHAR(512),
    first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen    TIMESTAMP WITH TIME ZONE NOT NULL,
    cleared_at   TIMESTAMP WITH TIME ZONE,
    occurrences  INTEGER      NOT NULL,
    flap_count   INTEGER      NOT NULL,
    flapping     BOOLEAN      NOT NULL,
    ladder       VARCHAR(32)  NOT NULL,
    ladder_note  VARCHAR(512),
    active_key   VARCHAR(140) UNIQUE
);
CREATE INDEX faults_device_idx ON faults (device_id, first_seen);

-- Commands to devices and their state machine.
CREATE TABLE commands (
    id            VARCHAR(40)  NOT NULL PRIMARY KEY,
    device_id     VARCHAR(64)  NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    params_json   TEXT,
    origin        VARCHAR(16)  NOT NULL,
    fault_id      VARCHAR(40),
    status        VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    send_count    INTEGER      NOT NULL,
    max_sends     INTEGER      NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE,
    delivered_at  TIMESTAMP WITH TIME ZONE,
    completed_at  TIMESTAMP WITH TIME ZONE,
    result_code   INTEGER,
    result_text   VARCHAR(512),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX commands_device_idx ON commands (device_id, created_at);
CREATE INDEX commands_status_idx ON commands (status);

-- Every self-repair attempt and its verified outcome.
CREATE TABLE repair_attempts (
    id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    fault_id     VARCHAR(40)  NOT NULL,
    device_id    VARCHAR(64)  NOT NULL,
    fault_code   VARCHAR(64)  NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    command_id   VARCHAR(40)  NOT NULL,
    attempt      INTEGER      NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    outcome      VARCHAR(24)  NOT NULL
);
CREATE INDEX repair_attempts_fault_idx ON repair_attempts (fault_id);
CREATE INDEX repair_attempts_code_idx ON repair_attempts (fault_code, action);
