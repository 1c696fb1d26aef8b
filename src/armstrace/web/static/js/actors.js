// The actors table is filtered by common.js (input[data-filter-table]); nothing else to do.
import "./common.js";
