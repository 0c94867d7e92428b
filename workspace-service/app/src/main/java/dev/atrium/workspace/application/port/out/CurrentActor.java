package dev.atrium.workspace.application.port.out;

/** Who is making the current change, for the audit log ("system" outside a request). */
public interface CurrentActor {

    String id();
}
