-- geopol event store, schema version 1 (DuckDB). Columns may be added by migrations; none renamed.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS documents (
    doc_id        VARCHAR PRIMARY KEY,
    content_hash  VARCHAR NOT NULL,
    origin        VARCHAR,
    line          INTEGER,
    title         VARCHAR,
    source        VARCHAR,
    url           VARCHAR,
    doc_date      DATE,
    date_source   VARCHAR,
    n_sentences   INTEGER,
    n_events      INTEGER,
    duplicate_of  VARCHAR,          -- doc_id of the earlier (near-)identical document, if any
    simhash       UBIGINT,
    ingested_at   TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS sentences (
    doc_id         VARCHAR NOT NULL,
    sentence_index INTEGER NOT NULL,
    text           VARCHAR NOT NULL,
    start_char     INTEGER,
    PRIMARY KEY (doc_id, sentence_index)
);

CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR PRIMARY KEY,
    doc_id          VARCHAR NOT NULL,
    sentence_index  INTEGER NOT NULL,
    date            DATE,
    date_precision  VARCHAR,
    source_code     VARCHAR,
    source_country  VARCHAR,
    source_sector   VARCHAR,
    source_name     VARCHAR,
    source_text     VARCHAR,
    target_code     VARCHAR,
    target_country  VARCHAR,
    target_sector   VARCHAR,
    target_name     VARCHAR,
    target_text     VARCHAR,
    cameo           VARCHAR NOT NULL,
    cameo_root      VARCHAR NOT NULL,
    goldstein       DOUBLE,
    quad_class      INTEGER,
    plover_type     VARCHAR,
    plover_mode     VARCHAR,
    plover_context  VARCHAR,        -- '|'-joined
    modality        VARCHAR NOT NULL,
    trigger         VARCHAR,
    confidence      DOUBLE,
    reciprocal      BOOLEAN,
    location_name   VARCHAR,
    location_country VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    rule            VARCHAR,
    num_mentions    INTEGER DEFAULT 1,   -- GDELT NumMentions: this event plus its copies in duplicate documents
    num_sources     INTEGER DEFAULT 1,   -- distinct sources (sites) reporting it
    record          JSON                 -- the full event record (event-record spec)
);
