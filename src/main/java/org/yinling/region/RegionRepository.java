package org.yinling.region;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

interface RegionRepository extends Repository<Region, String> {

    java.util.Optional<Region> findById(String code);

    boolean existsById(String code);

    Region save(Region region);

    Region saveAndFlush(Region region);

    List<Region> findByParentCodeOrderByCode(String parentCode);

    List<Region> findByLevelOrderByCode(RegionLevel level);

    List<Region> findAllByOrderByCode();

    List<Region> findAllById(Iterable<String> codes);

    boolean existsByParentCodeAndName(String parentCode, String name);

    boolean existsByParentCodeIsNullAndName(String name);

    @Query("""
            select r from Region r
            where r.code like :scopePattern
              and (:parentCode is null or r.parentCode = :parentCode)
              and (:text = '' or r.name like concat('%', :text, '%') escape '!' or r.code like concat(:text, '%') escape '!')
            """)
    Page<Region> search(@Param("scopePattern") String scopePattern, @Param("parentCode") String parentCode,
                        @Param("text") String text, Pageable pageable);
}
