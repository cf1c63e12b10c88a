error
testdata/projects/kitchen_sink/versions/0005_reshape.mig:92:5: error: column 'free' on mysql: a VARCHAR needs a length
    add column type_zoo.free string;
    ^
