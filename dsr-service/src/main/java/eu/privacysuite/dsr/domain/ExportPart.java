package eu.privacysuite.dsr.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One part of one participant's export, sealed as it arrived: dsr-service opens it only to assemble the results. */
@Entity
@Table(name = "dsr_export_part")
@IdClass(ExportPart.Key.class)
public class ExportPart extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    public String service;

    @Id
    public int part;

    @Column(nullable = false)
    public int parts;

    @Column(nullable = false, columnDefinition = "text")
    public String sealed;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The primary key: a part is known by its request, its service and its place. */
    public static class Key implements Serializable {

        public UUID requestId;
        public String service;
        public int part;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(requestId, k.requestId) && Objects.equals(service, k.service)
                    && part == k.part;
        }

        @Override
        public int hashCode() {
            return Objects.hash(requestId, service, part);
        }
    }
}
