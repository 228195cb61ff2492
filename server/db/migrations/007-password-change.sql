-- A password someone else chose (the printed first-start one, an admin's reset) must be
-- replaced by its owner at the next sign-in.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
