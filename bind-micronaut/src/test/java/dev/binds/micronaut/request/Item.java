package dev.binds.micronaut.request;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A row of {@code item}, mapped by Micronaut Data. */
@MappedEntity("item")
public class Item {
    @Id
    @GeneratedValue
    private Long id;
    private String name;
    private int qty;

    public Item() {
    }

    public Item(String name, int qty) {
        this.name = name;
        this.qty = qty;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getQty() {
        return qty;
    }

    public void setQty(int qty) {
        this.qty = qty;
    }
}
