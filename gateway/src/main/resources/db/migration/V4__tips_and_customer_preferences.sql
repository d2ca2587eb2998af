-- Tips and notices for customers: one message, one id, one state, whatever channel shows it.
CREATE TABLE tips (
    id            VARCHAR(40)  NOT NULL PRIMARY KEY,
    device_id     VARCHAR(64)  NOT NULL,
    customer_ref  VARCHAR(128) NOT NULL,
    kind          VARCHAR(48)  NOT NULL,
    title         VARCHAR(120) NOT NULL,
    text          VARCHAR(1000) NOT NULL,
    benefit_kwh   DOUBLE PRECISION,
    benefit_eur   DOUBLE PRECISION,
    evidence_key  VARCHAR(128) NOT NULL,
    source        VARCHAR(16)  NOT NULL,
    state         VARCHAR(16)  NOT NULL,
    note          VARCHAR(256),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    deliver_after TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX tips_customer_idx ON tips (customer_ref, created_at);
CREATE INDEX tips_state_idx ON tips (state, deliver_after);

-- How each tip reached each channel.
CREATE TABLE tip_deliveries (
    tip_id        VARCHAR(40)  NOT NULL,
    channel       VARCHAR(16)  NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tip_id, channel)
);

-- What the customer allows: channels, quiet hours, how many tips per week, opt-out.
CREATE TABLE customer_preferences (
    customer_ref   VARCHAR(128) NOT NULL PRIMARY KEY,
    channels       VARCHAR(64)  NOT NULL,
    quiet_start    VARCHAR(5)   NOT NULL,
    quiet_end      VARCHAR(5)   NOT NULL,
    time_zone      VARCHAR(48)  NOT NULL,
    max_per_week   INTEGER      NOT NULL,
    opted_out      BOOLEAN      NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Bearer tokens of customers for the customer API (hash only).
CREATE TABLE customer_tokens (
    id            VARCHAR(24)  NOT NULL PRIMARY KEY,
    customer_ref  VARCHAR(128) NOT NULL,
    token_hash    VARCHAR(160) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
