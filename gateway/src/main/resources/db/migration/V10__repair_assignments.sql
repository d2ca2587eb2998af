-- Which arm of the repair-effect experiment each self-repairable fault was assigned to: REPAIR (the ladder
-- sends self-repair commands) or HELD_OUT (the control group: the ladder skips self-repair and climbs on as
-- after a failed repair). One row per fault, written once, so the assignment is auditable after the fact.
CREATE TABLE repair_assignments (
    fault_id     VARCHAR(40)  NOT NULL PRIMARY KEY,
    device_id    VARCHAR(64)  NOT NULL,
    fault_code   VARCHAR(64)  NOT NULL,
    arm          VARCHAR(16)  NOT NULL,
    share        DOUBLE PRECISION NOT NULL,
    assigned_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX repair_assignments_code_idx ON repair_assignments (fault_code, assigned_at);
