package dev.atrium.guardrail.adapter.out.persistence;

import dev.atrium.guardrail.application.port.out.LevelChanges;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A PostgreSQL notification in the writing transaction: the server delivers it to every listening session
 * only once that transaction commits, in commit order, and drops it on a rollback
 * ({@link LevelChangesListener} listens in each instance).
 */
@ApplicationScoped
class PostgresLevelChanges implements LevelChanges {

    /** The channel every guardrail instance listens on. */
    static final String CHANNEL = "atrium_guardrail_levels";

    private final Jdbc jdbc;

    PostgresLevelChanges(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void announce() {
        jdbc.query("SELECT pg_notify(?, '')", rs -> Boolean.TRUE, CHANNEL);
    }
}
