package dev.atrium.workspace.adapter.out.persistence;

import dev.atrium.workspace.application.port.out.MemberRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
class MemberPersistenceAdapter implements MemberRepository {

    private final EntityManager em;

    MemberPersistenceAdapter(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<String> groupsOf(String userId) {
        List<?> rows = em.createNativeQuery("SELECT group_path FROM member_group WHERE user_id = ?1 ORDER BY group_path")
                .setParameter(1, userId).getResultList();
        Set<String> groups = new LinkedHashSet<>();
        rows.forEach(r -> groups.add((String) r));
        return groups;
    }

    @Override
    public void add(String userId, String groupPath) {
        em.createNativeQuery("INSERT INTO member_group (user_id, group_path) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, userId).setParameter(2, groupPath).executeUpdate();
    }

    @Override
    public void remove(String userId, String groupPath) {
        em.createNativeQuery("DELETE FROM member_group WHERE user_id = ?1 AND group_path = ?2")
                .setParameter(1, userId).setParameter(2, groupPath).executeUpdate();
    }

    @Override
    public List<String[]> holders(String pathPrefix) {
        List<?> rows = em.createNativeQuery("SELECT user_id, group_path FROM member_group WHERE group_path LIKE ?1"
                + " ORDER BY user_id, group_path").setParameter(1, pathPrefix.replace("%", "\\%").replace("_", "\\_")
                + "%").getResultList();
        return rows.stream().map(r -> {
            Object[] row = (Object[]) r;
            return new String[] {(String) row[0], (String) row[1]};
        }).toList();
    }

    @Override
    public Set<String> removeAll(String userId) {
        Set<String> groups = groupsOf(userId);
        em.createNativeQuery("DELETE FROM member_group WHERE user_id = ?1").setParameter(1, userId).executeUpdate();
        return groups;
    }

    @Override
    public List<String> users(String afterUserId, int limit) {
        return em.createNativeQuery("SELECT user_id FROM (SELECT user_id FROM member_group UNION SELECT owner_user_id"
                        + " FROM api_key WHERE owner_user_id IS NOT NULL AND revoked_at IS NULL"
                        + " AND owner_removed_at IS NULL) AS known WHERE user_id > ?1 ORDER BY user_id", String.class)
                .setParameter(1, afterUserId == null ? "" : afterUserId).setMaxResults(limit).getResultList()
                .stream().map(String.class::cast).toList();
    }

    @Override
    public boolean backfilled() {
        return !em.createNativeQuery("SELECT 1 FROM member_backfill").setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public void markBackfilled() {
        em.createNativeQuery("INSERT INTO member_backfill (done_at) VALUES (now())").executeUpdate();
    }
}
