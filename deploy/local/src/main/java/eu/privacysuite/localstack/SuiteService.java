package eu.privacysuite.localstack;

/** The four services of the suite, with their port offset and database (ARCHITECTURE.md §1). */
public enum SuiteService {
    CONSENT("consent-service", 1, "consent"),
    CONTACT("contact-service", 2, "contact"),
    DSR("dsr-service", 3, "dsr"),
    RETENTION("retention-service", 4, "retention");

    private final String module;
    private final int portOffset;
    private final String database;

    SuiteService(String module, int portOffset, String database) {
        this.module = module;
        this.portOffset = portOffset;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int port(int portBase) {
        return portBase + portOffset;
    }

    /** The management interface (health, metrics, OpenAPI) listens 1000 above the service's own port. */
    public int managementPort(int servicePort) {
        return servicePort + 1000;
    }

    public String database(String prefix) {
        return prefix + database;
    }
}
