package platform

// MigrateTo lets tests stop at a version, to put rows in the shape they had then.
var MigrateTo = migrateTo
