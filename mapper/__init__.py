"""Map dated, sourced territorial claims of the Armenia–Azerbaijan conflict."""
