package dev.atrium.workspace.adapter.out.dns;

import dev.atrium.workspace.application.port.out.HostResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The JVM's resolver (hosts file, then DNS). */
@ApplicationScoped
class SystemHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException | SecurityException e) {
            return List.of();
        }
    }
}
