package dev.atrium.workspace.application.port.out;

import java.net.InetAddress;
import java.util.List;

/** DNS, so that a destination's name is checked by the addresses it stands for. */
public interface HostResolver {

    /** The host's addresses; empty when it does not resolve (now). */
    List<InetAddress> resolve(String host);
}
