package org.yinling.elder;

import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * Single-record access. Every lookup takes the caller's scope pattern, so a record outside the user's region is
 * simply not found (404), whatever page or action asked for it.
 */
interface ElderRepository extends Repository<Elder, Long> {

    @Query("select e from Elder e where e.id = :id and e.communityCode like :scope")
    Optional<Elder> findInScope(@Param("id") long id, @Param("scope") String scopePattern);

    @Query("select e.id from Elder e where e.residentId = :residentId")
    Optional<Long> findIdByResidentId(@Param("residentId") String residentId);

    Elder save(Elder elder);

    Elder saveAndFlush(Elder elder);
}
