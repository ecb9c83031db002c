package org.yinling.account;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface AppUserRepository extends Repository<AppUser, Long> {

    Optional<AppUser> findById(Long id);

    @Query("select u from AppUser u where lower(u.username) = lower(:username)")
    Optional<AppUser> findByUsername(@Param("username") String username);

    @Query("select count(u) > 0 from AppUser u where lower(u.username) = lower(:username)")
    boolean existsByUsername(@Param("username") String username);

    AppUser save(AppUser user);

    AppUser saveAndFlush(AppUser user);

    @Query("""
            select u from AppUser u
            where (:text = '' or lower(u.username) like lower(concat('%', :text, '%')) escape '!'
                              or lower(u.displayName) like lower(concat('%', :text, '%')) escape '!')
              and (:role is null or u.role = :role)
            """)
    Page<AppUser> search(@Param("text") String text, @Param("role") Role role, Pageable pageable);
}
