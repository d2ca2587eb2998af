-- People who sign in to the web pages with a password: customers (their customer_ref), technicians, operators.
CREATE TABLE users (
    username       VARCHAR(64)  NOT NULL PRIMARY KEY,
    role           VARCHAR(16)  NOT NULL,
    customer_ref   VARCHAR(128),
    password_hash  VARCHAR(160) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
