package eu.privacysuite.shared.dsr;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Everything one participant holds about one subject, for ACCESS (a report a person reads) and PORTABILITY (a
 * machine-readable package). It travels only sealed ({@link SealedExports}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectExport(String service, List<ExportCategory> categories) {

    public SubjectExport {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public long recordCount() {
        return categories.stream().mapToLong(c -> c.records().size()).sum();
    }

    public boolean isEmpty() {
        return recordCount() == 0;
    }
}
