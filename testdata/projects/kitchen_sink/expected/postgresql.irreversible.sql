error
testdata/projects/kitchen_sink/versions/0006_retire_zoo.mig:15:1: error: revision '0006' cannot be downgraded: its downgrade is irreversible
downgrade irreversible;  -- the zoo's rows are gone for good
^
