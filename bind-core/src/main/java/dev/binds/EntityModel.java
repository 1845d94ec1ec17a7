package dev.binds;

/**
 * Maps entity classes to tables, so sessions can take and return entities instead of rows. The core
 * has no mapper of its own: bind-micronaut provides one on Micronaut Data's compile-time entity
 * model ({@code @MappedEntity}); other integrations may provide theirs.
 *
 * @since 0.1.0
 */
public interface EntityModel {

    /** The model of a bind with no integration: every entity operation explains what to add. */
    EntityModel NONE = new EntityModel() {
        @Override
        public <E> EntityMapping<E> mapping(Class<E> type) {
            throw new UnknownIdentifierException(null, "No entity model knows " + type.getName()
                    + ": entity operations need bind-micronaut with Micronaut Data (@MappedEntity), "
                    + "or an EntityModel given to BindManager.builder().entityModel(..); use the table-based methods otherwise");
        }
    };

    /**
     * @param type an entity class
     * @return how it maps to its table
     * @throws UnknownIdentifierException when the class is not an entity this model knows
     */
    <E> EntityMapping<E> mapping(Class<E> type);
}
