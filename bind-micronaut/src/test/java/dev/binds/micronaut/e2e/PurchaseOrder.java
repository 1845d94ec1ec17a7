package dev.binds.micronaut.e2e;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code orders} on bind {@code secondary} (PostgreSQL), mapped by Micronaut Data. */
@MappedEntity("orders")
public class PurchaseOrder {
    @Id
    @GeneratedValue
    private Long id;
    private String ref;
    private int total;

    public PurchaseOrder() {
    }

    public PurchaseOrder(String ref, int total) {
        this.ref = ref;
        this.total = total;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getRef() {
        return ref;
    }

    public void setRef(String ref) {
        this.ref = ref;
    }

    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }
}
