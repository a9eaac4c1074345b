module github.com/broadsheet-ssg/broadsheet

go 1.26
