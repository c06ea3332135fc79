"""Journey 2, "Prepare my documents": the answers, the wizard and the PDF documents."""
