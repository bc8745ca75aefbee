-- Seed 000 asks the migrations themselves to leave at least one user behind.
-- Email demo@atrium.dev, password demo-password (bcrypt, cost 10); the README names both.
INSERT INTO users (email, password_hash, first_name, last_name, roles)
VALUES ('demo@atrium.dev', '{bcrypt}$2a$10$mMggl9uLrEs98PZ6DJ9zMOP.o6j2187k.x/ekM0QG2.tt188XSUlq', 'Demo', 'User', '{USER}');
