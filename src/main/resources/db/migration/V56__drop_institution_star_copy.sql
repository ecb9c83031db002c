-- institution.star_level / star_rated_on were, since V53, a copy of the latest decided rating kept by triggers.
-- The institution list, its star filter, the pages and the API now read the grade held today from supervision_rating
-- itself (an expired grade must not show as current, which a copy without the validity could not tell), so nothing
-- reads the copy: it goes, with the triggers that kept and guarded it. The ratings (V53 carried every earlier star
-- level over as a legacy rating) are the one record of grades.
DROP TRIGGER supervision_rating_star ON supervision_rating;
DROP FUNCTION supervision_rating_to_institution();
DROP TRIGGER institution_star_guard ON institution;
DROP FUNCTION institution_star_from_ratings();
ALTER TABLE institution DROP COLUMN star_level, DROP COLUMN star_rated_on;
