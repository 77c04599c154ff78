package eu.privacysuite.consent.domain;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CookieServiceRepository implements PanacheRepositoryBase<CookieService, String> {

    private volatile List<CookieService> catalogue;

    /**
     * The whole catalogue, by id; the banner's grouping follows the category order. Loaded once per process: only a
     * migration changes it, and every consent reads it. The entities are shared read-only copies.
     */
    public List<CookieService> catalogue() {
        List<CookieService> loaded = catalogue;
        if (loaded == null) {
            loaded = List.copyOf(listAll(Sort.by("id")));
            catalogue = loaded;
        }
        return loaded;
    }
}
