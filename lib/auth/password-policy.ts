import { z } from "zod";

// Client-safe: the forms show the same rule the server enforces.

export const PASSWORD_MIN_LENGTH = 10;

/** A password people can remember and attackers cannot guess quickly: long enough, not one repeated character, not only digits. */
export const newPassword = z
  .string({ error: "Informe a nova senha." })
  .min(PASSWORD_MIN_LENGTH, { error: `A senha precisa de pelo menos ${PASSWORD_MIN_LENGTH} caracteres.` })
  .max(200, { error: "A senha pode ter até 200 caracteres." })
  .refine((value) => new Set(value).size > 2, { error: "Use uma senha menos repetitiva." })
  .refine((value) => !/^\d+$/.test(value), { error: "Use letras, não apenas números." });
