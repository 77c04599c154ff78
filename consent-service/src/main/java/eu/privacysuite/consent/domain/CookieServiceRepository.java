package eu.privacysuite.consent.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CookieServiceRepository implements PanacheRepositoryBase<CookieService, String> {

    /** The whole catalogue, by id; the banner's grouping follows the category order. */
    public List<CookieService> catalogue() {
        return listAll(Sort.by("id"));
    }
}
