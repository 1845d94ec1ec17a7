package dev.binds.micronaut.data;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A mutable entity (no-argument constructor, setters). Its table and columns come from Micronaut Data's
 * naming strategy: {@code support_ticket}, {@code item_name}, {@code created_at}.
 */
@MappedEntity
public class SupportTicket {
    @Id
    @GeneratedValue
    private Long id;
    private String code;
    @Nullable
    private String itemName;
    private int quantity;
    private Status status;
    private Instant createdAt;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getItemName() {
        return itemName;
    }

    public void setItemName(String itemName) {
        this.itemName = itemName;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }

    public Status getStatus() {
        return status;
    }

    public void setStatus(Status status) {
        this.status = status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    @Override
    public String toString() {
        return "SupportTicket[" + id + ", " + code + ", " + itemName + ", " + quantity + ", " + status + ", " + createdAt + "]";
    }
}
